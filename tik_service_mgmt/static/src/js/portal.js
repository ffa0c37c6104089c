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
