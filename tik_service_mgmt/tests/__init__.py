from . import test_deadline
from . import test_security_groups
from . import test_ticket
from . import test_workflow
from . import test_visibility
from . import test_journal
from . import test_i18n
from . import test_sla
