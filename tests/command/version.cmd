% galley --version
>>> stdout-contains
galley 0.1.0
