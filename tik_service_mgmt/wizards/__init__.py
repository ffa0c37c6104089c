from . import tik_ticket_reason_wizard
