# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression


def _names(specs):
    """Field names of read_group's `fields`/`groupby` ('note', 'date:month', ...) or of
    a domain's leaves ('ticket_id.instruction' names ticket_id here)."""
    for spec in specs or ():
        if isinstance(spec, str):
            yield spec.split(':')[0].split('.')[0]
        elif isinstance(spec, (list, tuple)) and expression.is_leaf(spec):
            yield str(spec[0]).split('.')[0]


class TikStaffFields(models.AbstractModel):
    """Fields kept for the staff (`groups=`) are refused alike when a user groups by
    them or searches on them, not only when reading them: a grouping or a search is a
    way to read too."""

    _name = 'tik.staff.fields'
    _description = 'Fields Read by the Staff Only'

    def _check_fields_readable(self, specs):
        names = [name for name in set(_names(specs)) if name in self._fields]
        if names:
            self.check_field_access_rights('read', names)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        self._check_fields_readable(args)
        return super(TikStaffFields, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0,  # pylint: disable=redefined-outer-name
                   limit=None, orderby=False, lazy=True):
        self._check_fields_readable(list(fields or []) + (
            [groupby] if isinstance(groupby, str) else list(groupby or [])))
        return super(TikStaffFields, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby,
            lazy=lazy)
