// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs_hammer STOPFILE FILE VALUE...: write the VALUEs to FILE in turn,
 * as fast as possible, until STOPFILE exists (FILE may come and go).
 * Prints "writes N accepted N".
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long writes = 0, ok = 0;
	int nv = argc - 3, i = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: sysfs_hammer STOPFILE FILE VALUE...\n");
		return 2;
	}
	while (access(argv[1], F_OK)) {
		const char *v = argv[3 + i++ % nv];
		int fd = open(argv[2], O_WRONLY);

		if (fd < 0) {
			usleep(200);
			continue;
		}
		writes++;
		if (write(fd, v, strlen(v)) == (ssize_t)strlen(v))
			ok++;
		close(fd);
	}
	printf("writes %lu accepted %lu\n", writes, ok);
	return 0;
}
