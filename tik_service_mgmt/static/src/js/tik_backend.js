odoo.define('tik_service_mgmt.backend', function (require) {
"use strict";

// Tickets and their journal come from the workflow alone: no actor imports them.
var ListController = require('web.ListController');

var NO_IMPORT = ['tik.ticket', 'tik.ticket.step'];

ListController.include({
    renderButtons: function () {
        this._super.apply(this, arguments);
        if (this.$buttons && NO_IMPORT.indexOf(this.modelName) !== -1) {
            this.$buttons.find('.o_button_import').remove();
        }
    },
});

});
