package io.atrium.web.api;

import io.atrium.client.CustomerQuery;
import io.atrium.client.CustomerSearchPage;
import io.atrium.client.InvalidQueryException;
import io.atrium.hub.customer.CustomerDirectoryBean;
import io.atrium.client.CustomerView;
import io.atrium.hub.search.CustomerSearch;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The unified customer view. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private static final String KEYS = "phone, idNumber, email, memberNo, name, or source and sourceId";

    @EJB
    CustomerDirectoryBean customers;

    @Context
    HttpServletResponse response;

    @GET
    @Path("/{id}")
    public CustomerView byId(@PathParam("id") String id) {
        CustomerView customer = customers.find(id);
        if (customer == null) {
            throw new NotFoundException("no customer " + id);
        }
        return customer;
    }

    /**
     * Exactly one key (source and sourceId count as one); birthDate and gender only narrow a name. The
     * {@code Server-Timing} header tells the time the directory took (its transaction and the audit's commit
     * included, HTTP and JSON not), so a client can tell the service's share of a slow lookup from the network's.
     */
    @GET
    public CustomerSearchPage search(@QueryParam("phone") String phone, @QueryParam("idNumber") String idNumber,
                                     @QueryParam("email") String email, @QueryParam("memberNo") String memberNo,
                                     @QueryParam("name") String name, @QueryParam("birthDate") String birthDate,
                                     @QueryParam("gender") String gender, @QueryParam("source") String source,
                                     @QueryParam("sourceId") String sourceId, @QueryParam("page") String page,
                                     @QueryParam("size") String size) throws InvalidQueryException {
        Map<String, CustomerQuery> given = new LinkedHashMap<>();
        if (phone != null) {
            given.put("phone", CustomerQuery.byPhone(phone));
        }
        if (idNumber != null) {
            given.put("idNumber", CustomerQuery.byIdNumber(idNumber));
        }
        if (email != null) {
            given.put("email", CustomerQuery.byEmail(email));
        }
        if (memberNo != null) {
            given.put("memberNo", CustomerQuery.byMemberNo(memberNo));
        }
        if (name != null) {
            given.put("name", CustomerQuery.byName(name, date(birthDate), gender));
        } else if (birthDate != null || gender != null) {
            throw new BadRequestException("birthDate and gender narrow a name search: give name with them");
        }
        if (source != null || sourceId != null) {
            if (source == null || sourceId == null) {
                throw new BadRequestException("give source and sourceId together");
            }
            given.put("source and sourceId", CustomerQuery.bySourceRecord(source, sourceId));
        }
        if (given.isEmpty()) {
            throw new BadRequestException("give a search parameter: " + KEYS);
        }
        if (given.size() > 1) {
            throw new BadRequestException("give one search parameter, not " + String.join(" and ", given.keySet()));
        }
        PageParameters paging = PageParameters.of(page, size, CustomerSearch.MAX_PAGE_SIZE);
        long started = System.nanoTime();
        CustomerSearchPage found = customers.search(given.values().iterator().next(), paging.page(), paging.size());
        response.setHeader("Server-Timing", String.format(Locale.ROOT, "directory;dur=%.3f", (System.nanoTime() - started) / 1e6));
        return found;
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("birthDate must be a date like 1984-05-06");
        }
    }
}
