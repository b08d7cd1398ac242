package org.erpinsight.crm.reference.host;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import org.erpinsight.crm.api.host.CrmUser;
import org.erpinsight.crm.api.host.CrmUsers;
import org.erpinsight.crm.api.host.Permission;
import org.osgi.service.component.annotations.Component;

/**
 * The reference host's users. There is no sign-in: the {@value #COOKIE} cookie picks one of
 * three demo users (admin by default) so that permission checks can be seen and tested.
 */
@Component(service = {CrmUsers.class, DemoUsers.class})
public class DemoUsers implements CrmUsers {
    static final String COOKIE = "crm-user";
    /** The language the user picked (?lang=da|en), else the browser's Accept-Language: Danish or English. */
    static final String LANGUAGE_COOKIE = "crm-lang";
    static final Map<String, CrmUser> USERS = Map.of(
            "admin", new CrmUser("admin", "Ada Admin", EnumSet.allOf(Permission.class)),
            "sales", new CrmUser("sales", "Sam Sales", EnumSet.of(Permission.VIEW_FINANCIALS, Permission.ENTER_ORDERS)),
            "guest", new CrmUser("guest", "Gus Guest", EnumSet.noneOf(Permission.class)));

    @Override
    public Optional<CrmUser> currentUser(HttpServletRequest request) {
        CrmUser user = USERS.get("admin");
        String language = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    user = USERS.get(cookie.getValue());
                } else if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    language = cookie.getValue();
                }
            }
        }
        if (user == null) {
            return Optional.empty();
        }
        return Optional.of(user.in(locale(language, request)));
    }

    static java.util.Locale locale(String picked, HttpServletRequest request) {
        if ("da".equals(picked) || "en".equals(picked)) {
            return java.util.Locale.forLanguageTag(picked.equals("da") ? "da-DK" : "en");
        }
        if (request.getHeader("Accept-Language") == null) {
            // without the header the servlet container answers its own default locale: not the user's
            return java.util.Locale.ENGLISH;
        }
        for (java.util.Enumeration<java.util.Locale> wanted = request.getLocales(); wanted != null && wanted.hasMoreElements();) {
            java.util.Locale l = wanted.nextElement();
            if (l.getLanguage().equals("da")) {
                return java.util.Locale.forLanguageTag("da-DK");
            }
            if (l.getLanguage().equals("en")) {
                return java.util.Locale.ENGLISH;
            }
        }
        return java.util.Locale.ENGLISH;
    }
}
