from . import tik_ticket_report
from . import tik_sop_report
