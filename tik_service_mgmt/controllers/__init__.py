# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import mail
from . import portal
from . import report
from . import survey
from . import recap
from . import verify
from . import catalogue
