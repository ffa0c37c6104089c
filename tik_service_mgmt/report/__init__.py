from . import tik_ticket_report
from . import tik_sop_report
from . import tik_ikm_report
from . import tik_recap_report
