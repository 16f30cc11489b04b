#!/usr/bin/env python3
"""Write a synthetic corpus of paper-digest posts for benchmarking kgbuild.

The posts follow the formats kgbuild reads (see samples/README.md): Korean
daily digests with Jekyll front matter and `# N. [Title](arxiv)` headings,
English weekly digests, reading lists with HTML headings and `arXiv:` lines,
and digests with Markdown results tables. Names are drawn from the built-in
vocabulary files at generation time, mixed with invented names that only
discovery can find (`VeloNet-7B`, `rStar3-Agent`). Particles are glued at
random, so the Korean sentences are not always grammatical: the corpus is for
measuring speed and memory, not extraction quality.

The same --seed and vocabulary files give byte-identical output. Besides the posts,
the generator writes `papers.tsv` (arXiv id, title, post path) into the
output folder, one line per paper heading, so a test can check that kgbuild
found every paper.

Usage: gen_corpus.py --posts N --out DIR [--seed S] [--vocab DIR]
"""

import argparse
import os
import random
import sys
from pathlib import Path

ENTITY_TYPES = ("Model", "Method", "Dataset", "Metric", "Hardware", "Task", "Organization")

# Korean particles that digests glue to English names.
PARTICLES = ("는", "은", "를", "을", "에서", "의", "와", "과", "로", "가", "이", "처럼", "보다", "에")

# Parts of invented model names, chosen so that the results look like names
# discovery accepts (mixed case, digits, hyphenated suffixes).
NAME_STEMS = ("Velo", "Quanta", "Mira", "Tessel", "Hexa", "Lumo", "Strata", "Orbi",
              "Kairo", "Nimbo", "Pyra", "Zeph", "Corvi", "Astra", "Fenn", "Juno",
              "Vanta", "Helio", "Ember", "Sora", "Brio", "Tarn", "Cygn", "Ondo")
NAME_SUFFIXES = ("Net", "Former", "Diff", "LM", "Mamba", "Tok", "Flow", "GPT", "Seg", "Det",
                 "Coder", "Vision", "Reasoner", "Router", "Quant", "Cache")
NAME_TAILS = ("-Agent", "-Instruct", "-Chat", "-Lite", "-Pro", "-RL", "-Zero", "-VL", "-Math")
LOWER_PREFIXES = ("r", "e", "i", "m", "k", "x", "u")
UPPER_WORDS = ("Star", "Flux", "Loop", "Mind", "Path", "Grid", "Wave", "Spark", "Mesh", "Echo")

TITLE_TASKS_EN = (
    "Efficient Long-Context Reasoning", "Few-Step Image Generation", "Robust Speech Recognition",
    "Sparse Mixture-of-Experts Training", "Tool-Augmented Agents", "Low-Bit Quantization",
    "Video Understanding at Scale", "Retrieval-Augmented Question Answering",
    "Reward Modeling for Code", "Multilingual Instruction Tuning", "3D Scene Reconstruction",
    "Protein Structure Prediction", "Table Understanding", "On-Device Inference",
    "Self-Supervised Representation Learning", "Preference Optimization Without a Reference Model",
)
TITLE_HOW_EN = (
    "via Adaptive Token Routing", "with Verifier-Guided Search", "through Curriculum Distillation",
    "using Learned Sparsity Masks", "by Contrastive Alignment", "with Streaming KV Caches",
    "from Synthetic Feedback", "under a Fixed Compute Budget", "without Extra Labels",
    "at Million-Token Scale",
)

GOALS_KO = (
    "이 논문은 {task} 문제를 다루기 위해 {prop}{p1} 제안한다.",
    "본 연구는 {base}의 한계를 넘어서는 새로운 {kind} {prop}{p1} 소개한다.",
    "저자들은 {task} 성능을 높이면서 계산 비용을 줄이는 {prop}{p1} 설계하였다.",
)
MOTIVATIONS_KO = (
    "기존 {method} 기반 접근은 {dataset}{p1} 같은 대규모 벤치마크에서 추론 비용이 크게 늘어난다.",
    "{base}{p1} 높은 정확도를 보이지만 긴 입력에서는 메모리 사용량이 급격히 증가한다.",
    "{task} 과제에서 널리 쓰이는 {method}{p2} 학습이 불안정하고 하이퍼파라미터에 민감하다.",
)
CONTRIBUTIONS_KO = (
    "{method}{p1} 결합한 2단계 학습 절차를 도입하고, {params} 파라미터의 {prop}{p2} 공개하였다.",
    "{hardware} 한 장에서 동작하는 효율적인 구현과 함께 {dataset} 기준선을 새로 제시하였다.",
    "{org}{p1} 공개한 {base}{p2} 교사 모델로 삼아 지식 증류(knowledge distillation)를 적용하였다.",
)
METHODS_KO = (
    "{prop}{p1} {base}의 구조를 따르되 {method}{p2} 각 층에 추가한다. 학습에는 {hardware} {n}장을 사용했고, "
    "{dataset}의 학습 분할만으로 {epochs} 에폭 동안 최적화하였다.",
    "먼저 {method}{p1} 이용해 후보를 만들고, 작은 검증기가 각 후보의 점수를 매긴다. 이후 {prop}{p2} "
    "점수가 높은 후보만 골라 다시 학습하며, 이 과정을 {n}번 반복한다.",
    "입력 토큰을 {n}개의 그룹으로 나누고 그룹마다 서로 다른 전문가로 보내는 라우팅을 학습한다. "
    "{prop}의 라우터는 {method} 손실로 정규화되며 {hardware}에서 커널을 직접 최적화하였다.",
)
RESULTS_KO = (
    "{dataset}에서 {prop}{p1} {base} 대비 {dataset2}({a}% vs {b}%)로 더 높은 {metric}{p2} 기록하였다.",
    "{prop}{p1} {dataset}에서 {x} {metric}{p2} 달성했으며, 같은 설정의 {base}{p3} {metric} {y}에 머물렀다.",
    "추론 속도는 {base} 대비 {speed}배 빨라졌고, {metric}{p1} {a}%→{b}%로 올라갔다.",
    "{dataset}의 {metric}{p1} {c}→{d}로 개선되었으며, 메모리 사용량은 {lo}~{hi}% 줄었다.",
)
LIMITATIONS_KO = (
    "영어 데이터에서만 실험하였고, {hardware}가 아닌 환경에서의 속도는 측정하지 않았다.",
    "{dataset} 외의 벤치마크에서는 일반화 성능이 확인되지 않았으며 학습 비용이 여전히 크다.",
    "규모가 더 큰 모델에 적용했을 때의 효과는 후속 연구로 남겨 두었다.",
)

GOALS_EN = (
    "The paper introduces {prop}, a {kind} for {task_en}.",
    "{prop} targets {task_en} and aims to match {base} at a fraction of the cost.",
)
MOTIVATIONS_EN = (
    "Approaches built on {method} scale poorly: on {dataset} their cost grows with input length.",
    "{base} is accurate but needs far more memory than a single {hardware} offers.",
)
CONTRIBUTIONS_EN = (
    "A training recipe that combines {method} with a small verifier, and a {params} model released by {org}.",
    "An open implementation for {hardware} and new baselines on {dataset}.",
)
METHODS_EN = (
    "{prop} keeps the backbone of {base} and adds {method} to every block. Training uses {n} {hardware} GPUs "
    "for {epochs} epochs on the training split of {dataset}.",
    "A router sends each token to one of {n} experts; the router is regularised with {method} and the kernels "
    "are tuned for {hardware}.",
)
RESULTS_EN = (
    "On {dataset}, {prop} reaches {a}% {metric}, against {b}% for {base}.",
    "{prop} reports {x} {metric} on {dataset}, where {base} stays at {metric} {y}.",
    "Throughput is {speed}x that of {base}, and {metric} moves from {c} to {d} on {dataset2}.",
)
LIMITATIONS_EN = (
    "All experiments are in English, and speed was measured on {hardware} only.",
    "Generalisation beyond {dataset} is not shown, and training remains expensive.",
)


def read_vocabulary(vocab_dir):
    """Read vocab TSV files into {type: [(canonical, [aliases])]}."""
    vocabulary = {entity_type: [] for entity_type in ENTITY_TYPES}
    for path in sorted(Path(vocab_dir).glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) < 2 or columns[0] not in vocabulary:
                continue
            aliases = [a for a in columns[2].split("|") if a] if len(columns) > 2 else []
            vocabulary[columns[0]].append((columns[1], aliases))
    for entity_type, entries in vocabulary.items():
        if not entries:
            sys.exit(f"gen_corpus: no {entity_type} entries found in {vocab_dir}/*.tsv")
    return vocabulary


class PostWriter:
    def __init__(self, vocabulary, seed):
        self.vocabulary = vocabulary
        self.random = random.Random(seed)
        self.used_ids = set()
        self.issued_ids = []
        self.invented = set()

    # Names

    def vocab_name(self, entity_type):
        """Pick a canonical name of the type, or one of its aliases (Korean ones included)."""
        canonical, aliases = self.random.choice(self.vocabulary[entity_type])
        if aliases and self.random.random() < 0.3:
            return self.random.choice(aliases)
        return canonical

    def invented_name(self):
        r = self.random
        shape = r.random()
        if shape < 0.45:
            name = r.choice(NAME_STEMS) + r.choice(NAME_SUFFIXES)
            if r.random() < 0.5:
                name += f"-{r.choice((1, 3, 7, 8, 13, 14, 32, 70))}B"
        elif shape < 0.75:
            name = r.choice(LOWER_PREFIXES) + r.choice(UPPER_WORDS) + str(r.randint(1, 9))
            name += r.choice(NAME_TAILS)
        else:
            name = r.choice(NAME_STEMS).upper()[: r.randint(3, 5)] + "-" + r.choice(NAME_SUFFIXES)
        self.invented.add(name)
        return name

    def glued(self, name):
        """Glue a Korean particle to a name, the way digests write it."""
        return name + self.random.choice(PARTICLES)

    # Numbers

    def percent(self):
        return f"{self.random.uniform(20, 99.5):.2f}".rstrip("0").rstrip(".")

    def decimal(self, low, high, places=2):
        return f"{self.random.uniform(low, high):.{places}f}"

    def arxiv_id(self):
        """Return a fresh arXiv id, or about 3% of the time one already issued (a paper two posts cover)."""
        r = self.random
        if self.issued_ids and r.random() < 0.03:
            return r.choice(self.issued_ids)
        while True:
            year = r.randint(19, 26)
            month = r.randint(1, 12)
            number = r.randint(1, 29999)
            arxiv_id = f"{year:02d}{month:02d}.{number:05d}"
            if arxiv_id not in self.used_ids:
                self.used_ids.add(arxiv_id)
                self.issued_ids.append(arxiv_id)
                return arxiv_id

    # Papers

    def paper_slots(self, english):
        r = self.random
        prop = self.invented_name() if r.random() < 0.7 else self.vocab_name("Model")
        slots = {
            "prop": prop,
            "base": self.vocab_name("Model"),
            "method": self.vocab_name("Method"),
            "dataset": self.vocab_name("Dataset"),
            "dataset2": self.vocab_name("Dataset"),
            "metric": self.vocab_name("Metric"),
            "hardware": self.vocab_name("Hardware"),
            "org": self.vocab_name("Organization"),
            "task": self.vocab_name("Task"),
            "task_en": r.choice(TITLE_TASKS_EN).lower(),
            "kind": r.choice(("model", "method", "framework")) if english
            else r.choice(("모델", "기법", "프레임워크")),
            "params": f"{r.choice((125, 350, 675, 1.3, 7, 13, 70))}{r.choice(('M', 'B'))}",
            "n": r.randint(2, 64),
            "epochs": r.randint(1, 300),
            "a": self.percent(),
            "b": self.percent(),
            "c": self.decimal(0.05, 0.9),
            "d": self.decimal(0.05, 0.9),
            "x": self.decimal(0.8, 40),
            "y": self.decimal(0.8, 40),
            "speed": self.decimal(1.1, 60, 1),
            "lo": r.randint(5, 30),
            "hi": r.randint(31, 80),
        }
        return slots

    def fill(self, template, slots):
        values = dict(slots)
        # Korean templates glue particles right after a slot: {prop}{p1}.
        values["p1"] = self.random.choice(PARTICLES)
        values["p2"] = self.random.choice(PARTICLES)
        values["p3"] = self.random.choice(PARTICLES)
        return template.format(**values)

    def title(self, slots):
        r = self.random
        return f"{slots['prop']}: {r.choice(TITLE_TASKS_EN)} {r.choice(TITLE_HOW_EN)}"

    def korean_sections(self, slots, with_table):
        r = self.random
        lines = ["## Introduction"]
        lines.append("- Goal: " + self.fill(r.choice(GOALS_KO), slots))
        lines.append("- Motivation: " + self.fill(r.choice(MOTIVATIONS_KO), slots))
        lines.append("- Contribution: " + self.fill(r.choice(CONTRIBUTIONS_KO), slots))
        lines += ["", "## Method", self.fill(r.choice(METHODS_KO), slots),
                  "", "## Results"]
        lines.append(" ".join(self.fill(t, slots) for t in r.sample(RESULTS_KO, 2)))
        if with_table:
            lines += ["", self.table(slots, korean=True)]
        lines += ["", "## Limitations", self.fill(r.choice(LIMITATIONS_KO), slots),
                  "", "## Conclusion",
                  f"{self.glued(slots['prop'])} {slots['task']} 분야에서 비용 대비 성능의 새로운 기준을 제시한다."]
        return lines

    def english_sections(self, slots, with_table):
        r = self.random
        lines = [f"**Goal.** {self.fill(r.choice(GOALS_EN), slots)}",
                 "",
                 f"**Motivation.** {self.fill(r.choice(MOTIVATIONS_EN), slots)}",
                 "",
                 f"**Contribution.** {self.fill(r.choice(CONTRIBUTIONS_EN), slots)}",
                 "",
                 f"**Method.** {self.fill(r.choice(METHODS_EN), slots)}",
                 "",
                 f"**Results.** " + " ".join(self.fill(t, slots) for t in r.sample(RESULTS_EN, 2))]
        if with_table:
            lines += ["", self.table(slots, korean=False)]
        lines += ["", f"**Limitations.** {self.fill(r.choice(LIMITATIONS_EN), slots)}"]
        return lines

    def table(self, slots, korean):
        r = self.random
        datasets = [slots["dataset"], slots["dataset2"], self.vocab_name("Dataset")]
        models = [slots["prop"], slots["base"], self.vocab_name("Model")]
        caption = (f"세 벤치마크에서 측정한 {slots['metric']}(%)는 다음과 같다." if korean
                   else f"{slots['metric']} (%) on three benchmarks:")
        rows = [caption, "", "| " + ("모델" if korean else "Model") + " | " + " | ".join(datasets) + " |",
                "|---|" + "---:|" * len(datasets)]
        for model in models:
            cells = [self.percent() if r.random() < 0.9 else "—" for _ in datasets]
            rows.append(f"| {model} | " + " | ".join(cells) + " |")
        return "\n".join(rows)

    # Posts

    def front_matter(self, date, title, tags):
        return ["---", "layout: post", f'title: "{title}"', f"date: {date} 08:00:00",
                f"tags: [{', '.join(tags)}]", "categories: []", "---", "", ""]

    def post(self, index):
        """Return (relative path, text, [(arxiv id, title)]) for post number index."""
        r = self.random
        day = index % 28 + 1
        month = index // 28 % 12 + 1
        year = 2023 + index // 336 % 4
        date = f"{year}-{month:02d}-{day:02d}"
        shape = r.random()
        papers = []
        if shape < 0.6:
            kind, lines = "daily", self.front_matter(date, f"Daily Papers — {date}", ["papers", "daily"])
        elif shape < 0.75:
            kind, lines = "weekly", self.front_matter(date, f"Weekly reading — {date}", ["reading"])
        elif shape < 0.85:
            kind, lines = "list", [f"# Reading list — {date}", "",
                                   "Papers picked for the group's reading sessions.", ""]
        else:
            kind, lines = "tables", self.front_matter(date, f"Daily Papers — {date} (표 정리)",
                                                      ["papers", "benchmark"])
        for number in range(1, r.randint(3, 6) + 1):
            english = kind in ("weekly", "list")
            slots = self.paper_slots(english)
            title = self.title(slots)
            arxiv_id = self.arxiv_id()
            papers.append((arxiv_id, title))
            url = f"https://arxiv.org/abs/{arxiv_id}"
            if kind in ("daily", "tables"):
                lines += [f"# {number}. [{title}]({url})", "",
                          f"> [Alphaxiv](https://www.alphaxiv.org/ko/overview/{arxiv_id})", ""]
                lines += self.korean_sections(slots, with_table=kind == "tables" and number <= 2)
            elif kind == "weekly":
                lines += [f"## [{title}]({url})", ""]
                lines += self.english_sections(slots, with_table=r.random() < 0.2)
            elif number % 2:
                lines += [f'<h3><a href="{url}" target="_blank">{title}</a></h3>', ""]
                lines += self.english_sections(slots, with_table=False)
            else:
                lines += [f"### {title}", "", f"arXiv: {url}", ""]
                lines += self.english_sections(slots, with_table=False)
            lines.append("")
        folder = f"{index // 1000:03d}"
        return f"{folder}/{date}-{kind}-{index:06d}.md", "\n".join(lines) + "\n", papers


def main():
    parser = argparse.ArgumentParser(description="Write N synthetic paper-digest posts.")
    parser.add_argument("--posts", type=int, required=True, help="number of posts to write")
    parser.add_argument("--out", required=True, help="output folder (created; must be empty or missing)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    default_vocab = Path(__file__).resolve().parent.parent / "vocab" / "entities"
    parser.add_argument("--vocab", default=str(default_vocab),
                        help=f"folder of vocabulary TSV files (default: {default_vocab})")
    args = parser.parse_args()
    if args.posts < 1:
        parser.error(f"--posts must be at least 1, got {args.posts}")

    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        sys.exit(f"gen_corpus: output folder {out} is not empty; remove it or pick another")
    vocabulary = read_vocabulary(args.vocab)
    writer = PostWriter(vocabulary, args.seed)

    manifest = []
    total_bytes = 0
    for index in range(args.posts):
        relative, text, papers = writer.post(index)
        path = out / "posts" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total_bytes += len(data)
        manifest += [f"{arxiv_id}\t{title}\t{relative}" for arxiv_id, title in papers]
    (out / "papers.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    distinct = len({line.split("\t", 1)[0] for line in manifest})
    print(f"gen_corpus: wrote {args.posts} posts ({total_bytes} bytes, {len(manifest)} paper headings, "
          f"{distinct} distinct papers) to {out / 'posts'}")


if __name__ == "__main__":
    main()
