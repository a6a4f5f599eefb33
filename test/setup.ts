// Every test file: no proxy from the developer's shell may route a stand-in request elsewhere,
// and local times (cache info) read the same everywhere.
for (const key of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy']) delete process.env[key];
process.env.TZ = 'Europe/Stockholm';
