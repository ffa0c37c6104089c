# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import tik_ticket_report
from . import tik_sop_report
from . import tik_ikm_report
from . import tik_recap_report
