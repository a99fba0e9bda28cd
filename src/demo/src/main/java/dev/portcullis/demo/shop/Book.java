package dev.portcullis.demo.shop;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import dev.portcullis.admin.AdminEntity;
import dev.portcullis.admin.AdminLabel;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Entity
@AdminEntity(listDisplay = {"title", "author", "genre", "publishedOn", "price", "inStock"},
        searchFields = {"title", "author.name"}, listFilter = {"genre", "inStock", "publishedOn", "author"},
        ordering = "-publishedOn", autocompleteFields = "author", icon = "vaadin:book", menuOrder = 10,
        saveAs = true, dateHierarchy = "publishedOn", listEditable = {"price", "inStock"})
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false, length = 200)
    private String title;

    @NotNull
    @AdminLabel("ISBN")
    @Pattern(regexp = "\\d{13}", message = "must be 13 digits")
    @Column(nullable = false, unique = true, length = 13)
    private String isbn;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", nullable = false)
    private Author author;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Genre genre;

    @NotNull
    private LocalDate publishedOn;

    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 5, fraction = 2)
    @Column(nullable = false, precision = 7, scale = 2)
    private BigDecimal price;

    private boolean inStock;

    protected Book() {
    }

    public Book(String title, String isbn, Author author, Genre genre, LocalDate publishedOn, BigDecimal price,
            boolean inStock) {
        this.title = title;
        this.isbn = isbn;
        this.author = author;
        this.genre = genre;
        this.publishedOn = publishedOn;
        this.price = price;
        this.inStock = inStock;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getIsbn() {
        return isbn;
    }

    public void setIsbn(String isbn) {
        this.isbn = isbn;
    }

    public Author getAuthor() {
        return author;
    }

    public void setAuthor(Author author) {
        this.author = author;
    }

    public Genre getGenre() {
        return genre;
    }

    public void setGenre(Genre genre) {
        this.genre = genre;
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public void setPublishedOn(LocalDate publishedOn) {
        this.publishedOn = publishedOn;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public boolean isInStock() {
        return inStock;
    }

    public void setInStock(boolean inStock) {
        this.inStock = inStock;
    }

    @Override
    public String toString() {
        return title;
    }
}
