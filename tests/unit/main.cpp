// The Boost.Test entry point for every unit test file.
#define BOOST_TEST_MODULE galley
#include <boost/test/unit_test.hpp>
