from . import tik_sop_step
from . import tik_division
from . import tik_service
from . import tik_ticket_step
from . import tik_ticket
