package io.atrium.hub.search;

import io.atrium.client.CustomerSummary;
import io.atrium.hub.customer.CustomerViewAssembler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A search's two statements, each with its keys bound as one array parameter, run on H2 (the hub's default database)
 * against the columns the hub's entities map.
 */
class SearchStatementsTest {

    private static final short PHONE = 3;
    private static final short NAME = 0;

    private Connection connection;

    @BeforeEach
    void schema() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:search-statements");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create table source_record (id bigint primary key, customer_id varchar(40) not null, standardized varchar(1000000) not null)");
            ddl.execute("create table record_hash (source_record_id bigint, hash bigint, field smallint not null, primary key (hash, field, source_record_id))");
            ddl.execute("create table customer (id varchar(40) primary key, kind varchar(12))");
            ddl.execute("create table golden_value (customer_id varchar(40) not null, field_name varchar(32) not null, value_rank integer not null, field_value varchar(2000) not null)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop all objects");
        }
        connection.close();
    }

    @Test
    void candidatesAreTheRecordsUnderAnyOfTheHashesOfTheField() throws SQLException {
        record(3, "c-b", 11, PHONE);
        record(1, "c-a", 10, PHONE);
        record(2, "c-a", 12, PHONE);
        record(4, "c-c", 10, NAME);

        List<CustomerSearch.Candidate> found = CustomerSearch.candidates(connection, List.of(10L, 11L), PHONE);

        assertEquals(List.of(new CustomerSearch.Candidate("c-a", "{\"id\":1}"), new CustomerSearch.Candidate("c-b", "{\"id\":3}")), found);
        assertEquals(List.of(), CustomerSearch.candidates(connection, List.of(99L), PHONE));
    }

    @Test
    void candidatesStopOneAfterTheLimit() throws SQLException {
        LongStream.rangeClosed(1, CustomerSearch.CANDIDATE_LIMIT + 5).forEach(id -> record(id, "c-" + id, 7, NAME));

        List<CustomerSearch.Candidate> found = CustomerSearch.candidates(connection, List.of(7L), NAME);

        assertEquals(CustomerSearch.CANDIDATE_LIMIT + 1, found.size());
        assertEquals("c-1", found.get(0).customerId());
    }

    @Test
    void summariesHoldEachCustomersBestSummaryFields() throws SQLException {
        customer("c-a", "PERSON");
        customer("c-b", "COMPANY");
        golden("c-a", "name", 0, "陈小明");
        golden("c-a", "name", 1, "陈晓明");
        golden("c-a", "phone", 0, "13800138000");
        golden("c-a", "address", 0, "深圳市南山区");

        Map<String, CustomerSummary> summaries = new CustomerViewAssembler().toSummaries(connection, List.of("c-a", "c-b", "c-gone"));

        assertEquals(new CustomerSummary("c-a", "PERSON", "陈小明", null, null, null, null, "13800138000", null), summaries.get("c-a"));
        assertEquals(new CustomerSummary("c-b", "COMPANY", null, null, null, null, null, null, null), summaries.get("c-b"));
        assertNull(summaries.get("c-gone"));
        assertEquals(2, summaries.size());
    }

    private void record(long id, String customerId, long hash, short field) {
        try {
            update("insert into source_record values (?, ?, ?)", id, customerId, "{\"id\":" + id + "}");
            update("insert into record_hash values (?, ?, ?)", id, hash, field);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void customer(String id, String kind) throws SQLException {
        update("insert into customer values (?, ?)", id, kind);
    }

    private void golden(String customerId, String field, int rank, String value) throws SQLException {
        update("insert into golden_value values (?, ?, ?, ?)", customerId, field, rank, value);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
