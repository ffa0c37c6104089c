def selection_label(model, field, value):
    """The translated label of `value` in the selection `field` of `model`."""
    return dict(model._fields[field]._description_selection(model.env)).get(value, value)


def field_label(model, field):
    """The translated label of `field` of `model`, in the user's language."""
    return model._fields[field].get_description(model.env)['string']
