package dev.portcullis.demo.data;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataConfiguration {

    @Bean
    BookshopGenerator bookshopGenerator(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new BookshopGenerator(jdbc, transactions);
    }

    @Bean
    @ConditionalOnBooleanProperty("demo.data.enabled")
    DemoDataLoader demoDataLoader(JdbcTemplate jdbc, BookshopGenerator generator, DemoDataProperties properties) {
        return new DemoDataLoader(jdbc, generator, properties);
    }
}
