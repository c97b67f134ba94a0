package io.atrium.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

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
}
