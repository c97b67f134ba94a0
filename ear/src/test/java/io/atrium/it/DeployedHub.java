package io.atrium.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.net.URI;
import java.net.URL;
import java.util.Properties;

/** Base of the client-side tests: the EAR the build produced, deployed for the class, called over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedHub {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return HubDeployment.ear();
    }

    HubClient hub() {
        return new HubClient(URI.create(deploymentUrl.toString()));
    }

    /** A naming context on the hub's HTTP port, as a downstream application opens it; null user: anonymous. */
    Context remoteContext(String user, String password) throws NamingException {
        Properties properties = new Properties();
        properties.put(Context.INITIAL_CONTEXT_FACTORY, "org.wildfly.naming.client.WildFlyInitialContextFactory");
        properties.put(Context.PROVIDER_URL, "remote+http://" + deploymentUrl.getHost() + ":" + deploymentUrl.getPort());
        if (user != null) {
            properties.put(Context.SECURITY_PRINCIPAL, user);
            properties.put(Context.SECURITY_CREDENTIALS, password);
        }
        return new InitialContext(properties);
    }
}
