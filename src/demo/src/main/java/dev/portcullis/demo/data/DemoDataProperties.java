package dev.portcullis.demo.data;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data ({@code demo.data.*}): loaded into an empty database when enabled. Development only; the
 * {@code bench} profile raises the book count to 1,000,000 for the performance work.
 */
@ConfigurationProperties("demo.data")
public class DemoDataProperties {

    /** Load demo data into an empty bookshop at start-up. Never enable this in production. */
    private boolean enabled;

    /** Authors to generate. */
    private int authors = 200;

    /** Books to generate; 1,000,000 for benchmarks. */
    private int books = 2_000;

    /** Customers to generate. */
    private int customers = 100;

    /** Orders to generate, with one to four lines each. */
    private int orders = 300;

    /** Seed of the generator: the same seed always gives the same data. */
    private long seed = 20_250_101L;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getAuthors() {
        return authors;
    }

    public void setAuthors(int authors) {
        this.authors = authors;
    }

    public int getBooks() {
        return books;
    }

    public void setBooks(int books) {
        this.books = books;
    }

    public int getCustomers() {
        return customers;
    }

    public void setCustomers(int customers) {
        this.customers = customers;
    }

    public int getOrders() {
        return orders;
    }

    public void setOrders(int orders) {
        this.orders = orders;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }
}
