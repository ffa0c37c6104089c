from . import mail
from . import portal
from . import report
from . import catalogue
