# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import tik_sop
from . import tik_sop_step
from . import tik_division
from . import tik_service
from . import tik_ticket_step
from . import tik_escalation_rule
from . import tik_escalation
from . import tik_ticket
from . import tik_ticket_guard
from . import tik_ticket_time
from . import tik_ticket_workflow
from . import tik_ticket_mail
from . import tik_ticket_evidence
from . import tik_demo
from . import tik_ticket_side
from . import mail_followers
from . import mail_activity
from . import res_users
from . import ir_http
from . import tik_survey_response
from . import tik_recap
from . import tik_journal_seal
from . import ir_actions_report
