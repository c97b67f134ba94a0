package io.atrium.simulators.sales;

import io.atrium.resolution.model.IdType;
import io.atrium.resolution.model.PartyRecord;
import io.atrium.simulators.Ledger;
import io.atrium.simulators.Simulator;
import io.atrium.simulators.feed.SourceFeed;
import io.atrium.simulators.population.ChinesePlaces;
import io.atrium.simulators.population.Population;
import io.atrium.simulators.population.Project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sales system's database: customers and contracts (section 1 of the source formats).
 * Each step writes a customer (new or edited) with, often, a reservation (认购), or moves a
 * reservation on to signed (签约) or cancelled (退房). Rows are never deleted. Times are the
 * sales system's local time (Asia/Shanghai), as its TIMESTAMP columns hold them. At a touch rate a
 * step also touches a row written before (a customer or a contract): its `updated_at` moves to now,
 * its content stays, as a batch job re-saving rows does; the hub reads it again and must change nothing.
 */
public final class SalesDatabaseSimulator implements Simulator {

    static final String CREATE_CUSTOMER = """
            CREATE TABLE sales_customer (
              cust_no     VARCHAR(32)  PRIMARY KEY,
              cust_name   VARCHAR(100) NOT NULL,
              mobile      VARCHAR(40),
              cert_type   VARCHAR(20),
              cert_no     VARCHAR(40),
              gender      VARCHAR(4),
              birthday    DATE,
              email       VARCHAR(100),
              address     VARCHAR(200),
              updated_at  TIMESTAMP    NOT NULL
            )""";
    static final String CREATE_CONTRACT = """
            CREATE TABLE sales_contract (
              contract_no  VARCHAR(32)   PRIMARY KEY,
              cust_no      VARCHAR(32)   NOT NULL,
              project_name VARCHAR(100)  NOT NULL,
              unit_code    VARCHAR(40)   NOT NULL,
              area_sqm     DECIMAL(10,2),
              total_price  DECIMAL(14,2) NOT NULL,
              status       VARCHAR(10)   NOT NULL,
              sign_date    DATE,
              updated_at   TIMESTAMP     NOT NULL
            )""";
    public static final String RESERVED = "认购";
    public static final String SIGNED = "签约";
    public static final String CANCELLED = "退房";
    private static final ZoneId SALES_TIME = ZoneId.of("Asia/Shanghai");
    private static final Map<IdType, String> CERT_TYPES = Map.of(
            IdType.CN_RESIDENT, "身份证", IdType.PASSPORT, "护照", IdType.HK_MACAU_PERMIT, "港澳通行证", IdType.USCC, "营业执照");
    private static final double RESERVATION_WITH_CUSTOMER = 0.7;
    private static final double SIGNED_SHARE = 0.8;
    /** The hub's fact type of a contract row. */
    private static final String CONTRACT_FACT = "CONTRACT";

    private final Connection connection;
    private final SourceFeed customers;
    private final Random random;
    private final Ledger ledger;
    private final List<String> openReservations = new ArrayList<>();
    private final List<String> customersWritten = new ArrayList<>();
    private final double touchRate;
    private long contractsWritten;
    private long touches;

    public SalesDatabaseSimulator(String url, String user, String password, Population population, long seed) throws SQLException {
        this(url, user, password, population, seed, Ledger.NONE);
    }

    public SalesDatabaseSimulator(String url, String user, String password, Population population, long seed, Ledger ledger)
            throws SQLException {
        this(url, user, password, population, seed, ledger, 0);
    }

    /** touchRate: share of steps that also touch a row written before, content unchanged. */
    public SalesDatabaseSimulator(String url, String user, String password, Population population, long seed, Ledger ledger,
                                  double touchRate) throws SQLException {
        this.touchRate = touchRate;
        this.connection = DriverManager.getConnection(url, user, password);
        this.random = new Random(seed);
        this.ledger = ledger;
        this.customers = new SourceFeed(population, "sales", random);
        createTablesIfMissing();
        resumeFromDatabase();
    }

    @Override
    public String name() {
        return "sales";
    }

    @Override
    public void step() throws SQLException {
        if (touchRate > 0 && random.nextDouble() < touchRate) {
            touchWrittenRow();
        }
        if (!openReservations.isEmpty() && random.nextDouble() < 0.35) {
            concludeReservation();
            return;
        }
        PartyRecord customer = customers.next(null);
        LocalDateTime now = LocalDateTime.now(SALES_TIME);
        writeCustomer(customer, now);
        if (random.nextDouble() < RESERVATION_WITH_CUSTOMER) {
            reserve(customer.getSourceId(), now);
        }
    }

    private void createTablesIfMissing() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!tableExists("sales_customer")) {
                statement.execute(CREATE_CUSTOMER);
            }
            if (!tableExists("sales_contract")) {
                statement.execute(CREATE_CONTRACT);
            }
        }
    }

    private boolean tableExists(String table) throws SQLException {
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case
        for (String name : List.of(table, table.toUpperCase())) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Rows touched so far: updated_at moved, content unchanged. */
    public long touches() {
        return touches;
    }

    @Override
    public String status() {
        return touchRate > 0 ? "touched " + touches : "";
    }

    /** A customer or a contract written before gets a new updated_at and nothing else. */
    private void touchWrittenRow() throws SQLException {
        boolean contract = contractsWritten > 0 && (customersWritten.isEmpty() || random.nextBoolean());
        if (!contract && customersWritten.isEmpty()) {
            return;
        }
        String key = contract ? String.format("HT%08d", 1 + random.nextInt((int) contractsWritten))
                : customersWritten.get(random.nextInt(customersWritten.size()));
        String table = contract ? "sales_contract" : "sales_customer";
        try (PreparedStatement touch = connection.prepareStatement(
                "UPDATE " + table + " SET updated_at = ? WHERE " + (contract ? "contract_no" : "cust_no") + " = ?")) {
            touch.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(SALES_TIME)));
            touch.setString(2, key);
            touch.executeUpdate();
        }
        touches++;
        ledger.duplicate(name(), contract ? CONTRACT_FACT : "record", key);
    }

    /** After a restart: number contracts on from the existing ones and keep moving open reservations. */
    private void resumeFromDatabase() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet written = statement.executeQuery("SELECT cust_no FROM sales_customer")) {
            while (written.next()) {
                customersWritten.add(written.getString(1));
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM sales_contract")) {
            count.next();
            contractsWritten = count.getLong(1);
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT contract_no FROM sales_contract WHERE status = ?")) {
            query.setString(1, RESERVED);
            try (ResultSet open = query.executeQuery()) {
                while (open.next()) {
                    openReservations.add(open.getString(1));
                }
            }
        }
    }

    private void writeCustomer(PartyRecord customer, LocalDateTime now) throws SQLException {
        boolean exists;
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sales_customer WHERE cust_no = ?")) {
            query.setString(1, customer.getSourceId());
            try (ResultSet row = query.executeQuery()) {
                exists = row.next();
            }
        }
        String sql = exists
                ? "UPDATE sales_customer SET cust_name = ?, mobile = ?, cert_type = ?, cert_no = ?, gender = ?, birthday = ?,"
                + " email = ?, address = ?, updated_at = ? WHERE cust_no = ?"
                : "INSERT INTO sales_customer (cust_name, mobile, cert_type, cert_no, gender, birthday, email, address,"
                + " updated_at, cust_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setString(1, customer.getName());
            write.setString(2, customer.getPhones().isEmpty() ? null : customer.getPhones().get(0));
            write.setString(3, customer.getIdType() == null ? null : CERT_TYPES.get(customer.getIdType()));
            write.setString(4, customer.getIdNumber());
            write.setString(5, customer.getGender() == null ? null : customer.getGender().equals("M") ? "男" : "女");
            setDate(write, 6, customer.getBirthDate());
            write.setString(7, customer.getEmails().isEmpty() ? null : customer.getEmails().get(0));
            write.setString(8, customer.getAddress());
            write.setTimestamp(9, Timestamp.valueOf(now));
            write.setString(10, customer.getSourceId());
            write.executeUpdate();
        }
        if (!exists) {
            customersWritten.add(customer.getSourceId());
        }
        ledger.record(name(), customer.getSourceId());
    }

    private void reserve(String customerNo, LocalDateTime now) throws SQLException {
        List<Project> projects = ChinesePlaces.residentialProjects();
        Project project = projects.get(random.nextInt(projects.size()));
        BigDecimal area = BigDecimal.valueOf(55 + random.nextInt(130) + random.nextInt(100) / 100.0).setScale(2, RoundingMode.HALF_UP);
        BigDecimal pricePerSqm = BigDecimal.valueOf(25_000 + random.nextInt(95_000));
        String contractNo = String.format("HT%08d", ++contractsWritten);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sales_contract (contract_no, cust_no, project_name, unit_code, area_sqm, total_price, status,"
                        + " sign_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, contractNo);
            insert.setString(2, customerNo);
            insert.setString(3, project.name());
            insert.setString(4, project.building(1 + random.nextInt(12)) + ChinesePlaces.room(random));
            insert.setBigDecimal(5, area);
            insert.setBigDecimal(6, area.multiply(pricePerSqm).setScale(2, RoundingMode.HALF_UP));
            insert.setString(7, RESERVED);
            insert.setNull(8, Types.DATE);
            insert.setTimestamp(9, Timestamp.valueOf(now));
            insert.executeUpdate();
        }
        ledger.fact(name(), CONTRACT_FACT, contractNo);
        openReservations.add(contractNo);
    }

    private void concludeReservation() throws SQLException {
        String contractNo = openReservations.remove(random.nextInt(openReservations.size()));
        boolean signed = random.nextDouble() < SIGNED_SHARE;
        LocalDateTime now = LocalDateTime.now(SALES_TIME);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sales_contract SET status = ?, sign_date = ?, updated_at = ? WHERE contract_no = ?")) {
            update.setString(1, signed ? SIGNED : CANCELLED);
            setDate(update, 2, signed ? now.toLocalDate() : null);
            update.setTimestamp(3, Timestamp.valueOf(now));
            update.setString(4, contractNo);
            update.executeUpdate();
        }
        ledger.fact(name(), CONTRACT_FACT, contractNo);
    }

    private static void setDate(PreparedStatement statement, int index, LocalDate date) throws SQLException {
        if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, java.sql.Date.valueOf(date));
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
