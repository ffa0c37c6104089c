def selection_label(model, field, value):
    """The translated label of `value` in the selection `field` of `model`."""
    return dict(model._fields[field]._description_selection(model.env)).get(value, value)
