from tieline.interfaces.cli import main

main()
