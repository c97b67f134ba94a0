package io.atrium.web.api;

import io.atrium.hub.customer.CustomerDirectoryBean;
import io.atrium.client.CustomerView;
import io.atrium.hub.security.HubRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The unified customer view. */
@RolesAllowed({HubRoles.VIEWER, HubRoles.OPERATOR, HubRoles.ADMIN, HubRoles.APP})
@RequestScoped
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    @EJB
    CustomerDirectoryBean customers;

    @GET
    @Path("/{id}")
    public CustomerView byId(@PathParam("id") String id) {
        CustomerView customer = customers.find(id);
        if (customer == null) {
            throw new NotFoundException("no customer " + id);
        }
        return customer;
    }

    @GET
    public List<CustomerView> search(@QueryParam("phone") String phone) {
        if (phone == null || phone.isBlank()) {
            throw new BadRequestException("give a search parameter: phone");
        }
        return customers.findByPhone(phone);
    }
}
