from . import tik_sop_step
