package dev.portmoneconnect.source.rest;

import dev.portmoneconnect.connection.TimedHttp;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.TimeUtils;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Replaces the body with the orders a JSON API lists, as {@code List<SourceRecord>}: with
 * {@code cursorField} and {@code cursorParam} those since the connection's cursor (kept in the app's
 * database, moved at the end of a real run over the orders the ledger has taken); with
 * {@code pageParam} page after page. Calls go through Camel's http component as GET requests, the
 * token in a header; 429 and 5xx answers are waited out within a budget.
 */
@UriEndpoint(scheme = "rest-poll", title = "Orders from a REST API", syntax = "rest-poll:connectionId",
        producerOnly = true, category = {Category.HTTP}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class RestApiEndpoint extends DefaultEndpoint {

    @UriPath(description = "Connection whose orders these are; defaults to the running connection")
    private String connectionId;

    @UriParam(description = "The orders endpoint, with any fixed query parameters: https://shop.example/api/orders?status=new")
    @Metadata(required = true)
    private String url;

    @UriParam(description = "Dotted path of the array of orders in the answer (such as data or orders); empty when"
            + " the answer is the array itself")
    private String itemsField;

    @UriParam(description = "Dotted path of the field that identifies an order", defaultValue = "id")
    private String keyField = "id";

    @UriParam(description = "Field of an order whose value grows with every new order (an id or a time): the"
            + " cursor follows it")
    private String cursorField;

    @UriParam(description = "Query parameter that sends the cursor, such as since or updated_after")
    private String cursorParam;

    @UriParam(description = "Cursor value the first run sends; without one the first run reads what the API lists")
    private String initialCursor;

    @UriParam(description = "Query parameter of the page number; without one each run makes one call")
    private String pageParam;

    @UriParam(description = "Number of the first page", defaultValue = "1")
    private int firstPage = 1;

    @UriParam(description = "Query parameter of the page size, such as per_page or limit")
    private String pageSizeParam;

    @UriParam(description = "Orders per page asked for; a shorter page is the last", defaultValue = "100")
    private int pageSize = 100;

    @UriParam(description = "Most pages one run reads", defaultValue = "10")
    private int maxPages = 10;

    @UriParam(description = "URL of one order, {key} standing for its key, such as https://shop.example/api/orders/{key}:"
            + " a replay reads the orders it gives another go from there")
    private String orderUrl;

    @UriParam(description = "Dotted path of the order in the answer of orderUrl; empty when the answer is the order")
    private String orderField;

    @UriParam(label = "security", description = "Header that carries the token", defaultValue = "Authorization")
    private String authHeader = "Authorization";

    @UriParam(label = "security", secret = true, description = "The token header's whole value, such as"
            + " Bearer <token>; refer to a setting: {{connections.<id>.api-token}}")
    private String token;

    @UriParam(description = "Longest wait for connecting and for an answer", defaultValue = "30s")
    private String timeout = "30s";

    private HttpComponent http;
    private org.apache.camel.Endpoint target;
    private Producer producer;

    public RestApiEndpoint(String uri, RestApiComponent component) {
        super(uri, component);
    }

    @Override
    public RestApiComponent getComponent() {
        return (RestApiComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new RestApiProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("rest-poll: is read by a connection's run: put it after connection:...");
    }

    void validate() {
        if (blank(cursorField) != blank(cursorParam)) {
            throw new IllegalArgumentException("rest-poll:" + connectionId + " needs both cursorField and cursorParam,"
                    + " or neither");
        }
        if (pageSize < 1 || maxPages < 1) {
            throw new IllegalArgumentException("rest-poll:" + connectionId + " pageSize and maxPages must be at least 1");
        }
        TimeUtils.toMilliSeconds(timeout);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (blank(url) || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return;
        }
        Duration wait = Duration.ofMillis(TimeUtils.toMilliSeconds(timeout));
        http = TimedHttp.start(getCamelContext(), wait, wait);
        // 429 and 5xx answers are waited out by HttpRetry, within its budget, not by the client on its own
        http.setAutomaticRetriesDisabled(true);
        target = http.createEndpoint(base() + "?httpMethod=GET&throwExceptionOnFailure=false");
        ServiceHelper.startService(target);
        producer = target.createProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer, target, http);
        super.doStop();
    }

    /** One GET of the orders endpoint with the given query: the answer, whatever its status. */
    HttpRetry.Answer get(String query) throws IOException {
        return get(null, query);
    }

    /** One GET of another URL of the same API (one order), with the same header. */
    HttpRetry.Answer get(String otherUrl, String query) throws IOException {
        if (producer == null) {
            throw new RestApiException(blank(url) ? "rest-poll:" + connectionId + " has no url: set it in the route or"
                    + " in the setting the route refers to" : "rest-poll:" + connectionId + " url must start with"
                    + " http:// or https://, not '" + url + "'");
        }
        Exchange call = target.createExchange();
        if (otherUrl != null) {
            call.getMessage().setHeader(Exchange.HTTP_URI, otherUrl);
        }
        call.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        call.getMessage().setHeader("Accept", "application/json");
        if (!blank(token)) {
            call.getMessage().setHeader(authHeader, token);
        }
        try {
            producer.process(call);
        } catch (Exception e) {
            call.setException(e);
        }
        if (call.getException() != null) {
            Throwable failure = call.getException();
            throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
        Integer status = call.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return new HttpRetry.Answer(status == null ? 0 : status, call.getMessage().getBody(String.class),
                call.getMessage().getHeader("Retry-After", String.class));
    }

    /** The url without its query: the query of each call is the url's own plus cursor and page. */
    private String base() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    String fixedQuery() {
        String raw = URI.create(url.strip()).getRawQuery();
        return raw == null ? "" : raw;
    }

    boolean followsCursor() {
        return !blank(cursorField);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getItemsField() {
        return itemsField;
    }

    public void setItemsField(String itemsField) {
        this.itemsField = itemsField;
    }

    public String getKeyField() {
        return keyField;
    }

    public void setKeyField(String keyField) {
        this.keyField = keyField;
    }

    public String getCursorField() {
        return cursorField;
    }

    public void setCursorField(String cursorField) {
        this.cursorField = cursorField;
    }

    public String getCursorParam() {
        return cursorParam;
    }

    public void setCursorParam(String cursorParam) {
        this.cursorParam = cursorParam;
    }

    public String getInitialCursor() {
        return initialCursor;
    }

    public void setInitialCursor(String initialCursor) {
        this.initialCursor = initialCursor;
    }

    public String getPageParam() {
        return pageParam;
    }

    public void setPageParam(String pageParam) {
        this.pageParam = pageParam;
    }

    public int getFirstPage() {
        return firstPage;
    }

    public void setFirstPage(int firstPage) {
        this.firstPage = firstPage;
    }

    public String getPageSizeParam() {
        return pageSizeParam;
    }

    public void setPageSizeParam(String pageSizeParam) {
        this.pageSizeParam = pageSizeParam;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public String getOrderUrl() {
        return orderUrl;
    }

    public void setOrderUrl(String orderUrl) {
        this.orderUrl = orderUrl;
    }

    public String getOrderField() {
        return orderField;
    }

    public void setOrderField(String orderField) {
        this.orderField = orderField;
    }

    public String getAuthHeader() {
        return authHeader;
    }

    public void setAuthHeader(String authHeader) {
        this.authHeader = authHeader;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
