# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_through_the_orm
from . import test_mail_activity_done
from . import test_mail_activity_team
from . import test_mail_restrict_follower_selection
from . import test_auditlog
from . import test_mail_tracking
from . import test_report_xlsx
from . import test_probe_control
