package dev.portmoneconnect.source.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.sql.SqlConstants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of table sources, run through Camel's sql component on the shop's database: the
 * statement is the message body, its parameters a header, so nothing of it ends up in an endpoint URI.
 */
@ApplicationScoped
public class ShopTable {

    @Inject
    ShopDatabases databases;

    @Inject
    ProducerTemplate template;

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> select(String database, TableQueries.Statement statement) {
        Exchange done = send(database, statement);
        List<Map<String, Object>> rows = done.getMessage().getBody(List.class);
        // each row as the driver named its columns, in their order
        return rows == null ? List.of() : rows.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r)).toList();
    }

    int update(String database, TableQueries.Statement statement) {
        Exchange done = send(database, statement);
        Integer count = done.getMessage().getHeader(SqlConstants.SQL_UPDATE_COUNT, Integer.class);
        return count == null ? 0 : count;
    }

    private Exchange send(String database, TableQueries.Statement statement) {
        String uri = "sql:" + database + "?dataSource=#" + databases.beanName(database) + "&useMessageBodyForSql=true";
        Exchange done = template.send(uri, e -> {
            e.getMessage().setBody(statement.sql());
            e.getMessage().setHeader(SqlConstants.SQL_PARAMETERS, statement.parameters());
        });
        if (done.getException() != null) {
            Throwable cause = done.getException();
            throw new ShopDatabaseException("Database " + database + " refused " + firstWords(statement.sql()) + ": "
                    + rootMessage(cause), cause);
        }
        return done;
    }

    private static String firstWords(String sql) {
        return sql.length() > 120 ? sql.substring(0, 120) + "…" : sql;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
