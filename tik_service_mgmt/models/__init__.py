from . import tik_sop_step
from . import tik_division
from . import tik_service
from . import tik_ticket_step
from . import tik_ticket
from . import tik_ticket_side
from . import mail_followers
from . import mail_activity
