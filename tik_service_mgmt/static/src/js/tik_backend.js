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
