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
    static final Map<String, CrmUser> USERS = Map.of(
            "admin", new CrmUser("admin", "Ada Admin", EnumSet.allOf(Permission.class)),
            "sales", new CrmUser("sales", "Sam Sales", EnumSet.of(Permission.VIEW_FINANCIALS, Permission.ENTER_ORDERS)),
            "guest", new CrmUser("guest", "Gus Guest", EnumSet.noneOf(Permission.class)));

    @Override
    public Optional<CrmUser> currentUser(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return Optional.ofNullable(USERS.get(cookie.getValue()));
                }
            }
        }
        return Optional.of(USERS.get("admin"));
    }
}
