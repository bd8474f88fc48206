from pzmdo.cli import main

raise SystemExit(main())
