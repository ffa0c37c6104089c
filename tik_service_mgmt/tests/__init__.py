from . import test_deadline
from . import test_security_groups
