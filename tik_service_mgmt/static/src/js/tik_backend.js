odoo.define('tik_service_mgmt.backend', function (require) {
"use strict";

// Tickets and their journal come from the workflow alone: no actor imports them,
// from the list or from the kanban.
var KanbanController = require('web.KanbanController');
var ListController = require('web.ListController');

var NO_IMPORT = ['tik.ticket', 'tik.ticket.step'];

var withoutImport = {
    renderButtons: function () {
        this._super.apply(this, arguments);
        if (this.$buttons && NO_IMPORT.indexOf(this.modelName) !== -1) {
            this.$buttons.find('.o_button_import').remove();
        }
    },
};
ListController.include(withoutImport);
KanbanController.include(withoutImport);

});

odoo.define('tik_service_mgmt.graph_controls', function (require) {
"use strict";

// nvd3 names its bar chart controls itself ("Grouped", "Stacked"), out of Odoo's
// translations. It is loaded with the first graph view, so its chart factory is wrapped
// then, once: every bar chart gets the controls in the user's language.
var GraphRenderer = require('web.GraphRenderer');
var _t = require('web.core')._t;

function translateControls() {
    var make = nv.models.multiBarChart;
    if (make.tikTranslated) {
        return;
    }
    nv.models.multiBarChart = function () {
        return make.apply(this, arguments).controlLabels({
            grouped: _t("Grouped"),
            stacked: _t("Stacked"),
        });
    };
    nv.models.multiBarChart.tikTranslated = true;
}

GraphRenderer.include({
    _renderBarChart: function () {
        translateControls();
        return this._super.apply(this, arguments);
    },
});

});

odoo.define('tik_service_mgmt.ticket_form', function (require) {
"use strict";

// A workflow button of a ticket reloads it where the user works (the button answers
// True): the breadcrumb and the pager of the queue stay. The ticket was saved before
// the step, so it is shown read-only with the buttons of its new step.
var FormController = require('web.FormController');

FormController.include({
    _callButtonAction: function () {
        var self = this;
        var done = this._super.apply(this, arguments);
        if (this.modelName === 'tik.ticket') {
            done.then(function () {
                if (!self.isDestroyed() && self.mode === 'edit' &&
                        !self.model.isDirty(self.handle)) {
                    // Read again first: the mode's switch must not show the values
                    // from before the step.
                    return self.reload().then(function () {
                        if (!self.isDestroyed()) {
                            self._setMode('readonly');
                        }
                    });
                }
            });
        }
        return done;
    },
});

});

odoo.define('tik_service_mgmt.warning', function (require) {
"use strict";

// The ticket's refusals (models/utils.py: TicketWarning and its kin, raised by the
// ticket alone) are warnings: titled "Warning" in the user's language, never Odoo's
// "Odoo Server Error". Every other error is Odoo's own.
var core = require('web.core');
var Dialog = require('web.Dialog');

var _t = core._t;
var QWeb = core.qweb;

var TicketWarning = Dialog.extend({
    init: function (parent, error) {
        this._super(parent);
        this.error = error;
    },
    display: function () {
        var error = this.error;
        error.data.message = error.data.arguments[0];
        new Dialog(this, {
            size: 'medium',
            title: _t("Warning"),
            $content: $(QWeb.render('CrashManager.warning', {error: error})),
        }).open();
    },
});

_.each(['TicketWarning', 'TicketAccessWarning', 'TicketValidationWarning'], function (name) {
    core.crash_registry.add('odoo.addons.tik_service_mgmt.models.utils.' + name, TicketWarning);
});

});

odoo.define('tik_service_mgmt.datepicker', function (require) {
"use strict";

// The date picker's own tooltips are English in its library, out of Odoo's
// translations: on the service desk's fields they are given in the user's language.
var core = require('web.core');
var datepicker = require('web.datepicker');

var _t = core._t;

datepicker.DateWidget.include({
    init: function (parent) {
        this._super.apply(this, arguments);
        var model = parent && parent.model;
        if (typeof model === 'string' && model.indexOf('tik.') === 0) {
            this.options.tooltips = {
                today: _t("Go to today"),
                clear: _t("Clear selection"),
                close: _t("Close the picker"),
                selectMonth: _t("Select Month"),
                prevMonth: _t("Previous Month"),
                nextMonth: _t("Next Month"),
                selectYear: _t("Select Year"),
                prevYear: _t("Previous Year"),
                nextYear: _t("Next Year"),
                selectDecade: _t("Select Decade"),
                prevDecade: _t("Previous Decade"),
                nextDecade: _t("Next Decade"),
                prevCentury: _t("Previous Century"),
                nextCentury: _t("Next Century"),
                pickHour: _t("Pick Hour"),
                incrementHour: _t("Increment Hour"),
                decrementHour: _t("Decrement Hour"),
                pickMinute: _t("Pick Minute"),
                incrementMinute: _t("Increment Minute"),
                decrementMinute: _t("Decrement Minute"),
                pickSecond: _t("Pick Second"),
                incrementSecond: _t("Increment Second"),
                decrementSecond: _t("Decrement Second"),
                togglePeriod: _t("Toggle Period"),
                selectTime: _t("Select Time"),
            };
        }
    },
});

});
