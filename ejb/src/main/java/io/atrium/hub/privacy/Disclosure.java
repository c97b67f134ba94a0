package io.atrium.hub.privacy;

import io.atrium.hub.audit.PersonalDataRead;
import io.atrium.hub.audit.ReadChannel;
import io.atrium.hub.security.HubRoles;
import jakarta.ejb.SessionContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Who sees a customer's personal data whole: downstream applications ({@code hub-app}) and
 * administrators ({@code hub-admin}), each read audited in {@code personal_data_read}. Viewers and
 * operators see it masked ({@link PersonalDataMasks}): they watch the hub, they do not serve customers.
 */
@ApplicationScoped
public class Disclosure {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

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
        em.persist(new PersonalDataRead(session.getCallerPrincipal().getName(), customerId, channel(session), Instant.now()));
        return whole;
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
