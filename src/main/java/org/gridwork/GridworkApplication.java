package org.gridwork;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class GridworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridworkApplication.class, args);
    }
}
