from . import mail
from . import portal
from . import report
from . import survey
from . import recap
from . import verify
from . import catalogue
