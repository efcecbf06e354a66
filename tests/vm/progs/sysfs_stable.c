// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs_stable STOPFILE FILE...: read every FILE in a tight loop until
 * STOPFILE exists and compare each read with the first one. Prints
 * "rounds N reads N mismatches N" and the first mismatches; exit status 1
 * if any read differed from its first value or failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAXF	64
#define BUFSZ	8192

static int slurp(const char *path, char *buf)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, len = 0;

	if (fd < 0)
		return -errno;
	while ((n = read(fd, buf + len, BUFSZ - 1 - len)) > 0)
		len += n;
	close(fd);
	if (n < 0)
		return -errno;
	buf[len] = 0;
	return len;
}

int main(int argc, char **argv)
{
	static char base[MAXF][BUFSZ], cur[BUFSZ];
	unsigned long rounds = 0, reads = 0, bad = 0;
	int i, nf = argc - 2;

	if (argc < 3 || nf > MAXF) {
		fprintf(stderr, "usage: sysfs_stable STOPFILE FILE...\n");
		return 2;
	}
	for (i = 0; i < nf; i++)
		if (slurp(argv[i + 2], base[i]) < 0) {
			fprintf(stderr, "cannot read %s\n", argv[i + 2]);
			return 2;
		}
	while (access(argv[1], F_OK)) {
		for (i = 0; i < nf; i++) {
			int r = slurp(argv[i + 2], cur);

			reads++;
			if (r >= 0 && !strcmp(cur, base[i]))
				continue;
			if (++bad <= 5)
				printf("mismatch %s: %s%s (was %s)\n", argv[i + 2],
				       r < 0 ? "error " : "",
				       r < 0 ? strerror(-r) : cur, base[i]);
		}
		rounds++;
	}
	printf("rounds %lu reads %lu mismatches %lu\n", rounds, reads, bad);
	return bad ? 1 : 0;
}
