// Stands in for the `server-only` marker outside Next (tests, the custom server).
