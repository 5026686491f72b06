// `galley server [OPTIONS]`: the command's options, then serve().
#pragma once

namespace galley::server {

// argv[0] is "server". Returns the exit status (0 after a graceful stop, 2 for a
// usage error); never throws.
int run_command(int argc, char** argv);

}  // namespace galley::server
