package dev.portcullis.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small bookshop administered with Portcullis. It uses only Portcullis's public API, exactly as your own
 * application would: the admin arrives through auto-configuration.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
