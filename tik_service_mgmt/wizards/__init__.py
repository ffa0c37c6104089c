# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import tik_ticket_reason_wizard
from . import tik_ticket_journal_check
from . import tik_report_period
from . import tik_journal_seal_mailbox
from . import tik_ticket_step_wizard
from . import tik_ticket_hold_wizard
from . import tik_ticket_merge
from . import tik_ticket_outage
