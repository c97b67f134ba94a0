package io.atrium.hub.privacy;

import io.atrium.hub.audit.ReadChannel;
import io.atrium.hub.security.HubRoles;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Who sees a customer's personal data whole: downstream applications ({@code hub-app}) and
 * administrators ({@code hub-admin}), each read audited in {@code personal_data_read}. Viewers and
 * operators see it masked ({@link PersonalDataMasks}): they watch the hub, they do not serve customers.
 */
@ApplicationScoped
public class Disclosure {

    @Inject
    AuditedReads audit;

    /**
     * The view whole (and the read audited) or masked, as the caller of the current bean method may see it.
     *
     * @param session the session bean's context: the caller, and the view it was called through
     * @param masking the masked form of the view, a function of {@link PersonalDataMasks}
     */
    public <T> T disclose(SessionContext session, String customerId, T whole, UnaryOperator<T> masking) {
        if (!seesWhole(session)) {
            return masking.apply(whole);
        }
        audit.record(session.getCallerPrincipal().getName(), List.of(customerId), channel(session));
        return whole;
    }

    /**
     * A page of views (by customer id, in the page's order) as the caller may see them: masked, or whole with
     * each customer's read audited. A search calls this outside a transaction, after its reads succeeded, with the
     * connection it read on: the page's audit rows are one statement on it, committed before the views are handed
     * out; a viewer's lookup writes nothing.
     */
    public <T> Map<String, T> disclosePage(SessionContext session, Connection connection, Map<String, T> wholes,
                                           UnaryOperator<T> masking) throws SQLException {
        if (!seesWhole(session)) {
            Map<String, T> masked = new LinkedHashMap<>();
            wholes.forEach((customerId, whole) -> masked.put(customerId, masking.apply(whole)));
            return masked;
        }
        if (!wholes.isEmpty()) {
            audit.record(connection, session.getCallerPrincipal().getName(), wholes.keySet(), channel(session));
        }
        return wholes;
    }

    public static boolean seesWhole(SessionContext session) {
        return session.isCallerInRole(HubRoles.APP) || session.isCallerInRole(HubRoles.ADMIN);
    }

    /**
     * A remote client calls through the business interface; the REST layer through the bean's
     * no-interface view, whose invoked type is the bean class itself.
     */
    private static ReadChannel channel(SessionContext session) {
        return session.getInvokedBusinessInterface().isInterface() ? ReadChannel.EJB : ReadChannel.REST;
    }
}
