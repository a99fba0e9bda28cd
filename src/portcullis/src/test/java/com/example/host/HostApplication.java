package com.example.host;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A host application outside Portcullis's packages: auto-configuration as {@code @SpringBootApplication} has it. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class HostApplication {
}
