/* The new-ticket form: under the service list, the description of the chosen service. */
(function () {
    'use strict';
    function showDescription(select) {
        var option = select.options[select.selectedIndex];
        var target = select.parentNode.querySelector('.o_tik_service_description');
        if (target) {
            target.textContent = (option && option.getAttribute('data-description')) || '';
        }
    }
    document.addEventListener('change', function (event) {
        if (event.target && event.target.id === 'tik_service_id') {
            showDescription(event.target);
        }
    });
})();

/* The discussion's avatars beside a name are decoration: Odoo's chatter draws the
   composer's without an alt text, which screen readers then spell out. */
(function () {
    'use strict';
    function decorate(root) {
        var images = root.querySelectorAll('.o_tik_page img.o_portal_chatter_avatar:not([alt])');
        Array.prototype.forEach.call(images, function (img) {
            img.setAttribute('alt', '');
        });
    }
    document.addEventListener('DOMContentLoaded', function () {
        var chatter = document.querySelector('.o_tik_page .o_portal_chatter, .o_tik_page #discussion');
        if (chatter && window.MutationObserver) {
            new MutationObserver(function () { decorate(document); })
                .observe(document.body, {childList: true, subtree: true});
        }
        decorate(document);
    });
})();

/* The discussion on the service's pages is dated as people here write a date and an
   hour ("6 Desember 2026 pukul 07.20"): moment's long format of the page's language,
   not the English word order Odoo's chatter formats in every language. */
odoo.define('tik_service_mgmt.portal_chatter', function (require) {
    'use strict';
    var core = require('web.core');
    var time = require('web.time');
    var PortalChatter = require('portal.chatter').PortalChatter;

    var _t = core._t;

    PortalChatter.include({
        preprocessMessages: function () {
            var messages = this._super.apply(this, arguments);
            if (document.querySelector('.o_tik_page')) {
                _.each(messages, function (message) {
                    message.published_date_str = _.str.sprintf(_t('Published on %s'),
                        moment(time.str_to_datetime(message.date)).format('LLL'));
                });
            }
            return messages;
        },
    });
});
