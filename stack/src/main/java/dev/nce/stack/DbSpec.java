package dev.nce.stack;

/** One service's database and the role it logs in with. */
public record DbSpec(String database, String user, String password) {

    public String jdbcUrl(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String host, int port) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }
}
