package dev.portmoneconnect.mapping;

import dev.portmoneconnect.flow.Invoice;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** {@code mapping:name?payerName=${body[name]}&amount=${body[sum]}…}: source record → {@link Invoice}. */
@Component("mapping")
@Named("mapping")
@Singleton
public class MappingComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MappingEndpoint endpoint = new MappingEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
